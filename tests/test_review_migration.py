"""Revision 0003_review: upgrades a 0002 database holding data, and back."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect, text

from desktop_app.storage.database import MIGRATIONS_DIR

REVIEW_TABLES = {"review_request", "review_step", "review_meeting", "review_outcome", "review_posting",
                 "review_complaint", "review_decision", "official_classification"}
NOW = "'2026-01-01 00:00:00.000000'"
SYNCED = f"created_at, updated_at, revision, deleted) VALUES ("


def _config(conn) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def test_0003_upgrades_a_0002_database_with_data_and_downgrades(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'register.sqlite3'}")
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0002_accounts")
        conn.execute(text(f"INSERT INTO commune (id, code, name, mode, {SYNCED}'c1', '22246', 'Xã Đông Hòa', "
                          f"'commune', {NOW}, {NOW}, 1, 0)"))
        conn.execute(text(f"INSERT INTO survey_round (id, commune_id, name, kind, standard_id, status, {SYNCED}"
                          f"'r1', 'c1', 'Rà soát 2026', 'periodic', 'vn-2022-2025', 'open', {NOW}, {NOW}, 1, 0)"))
        conn.execute(text(f"INSERT INTO household (id, commune_id, code, {SYNCED}'h1', 'c1', 'DH-0001', "
                          f"{NOW}, {NOW}, 1, 0)"))
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0003_review")
        assert REVIEW_TABLES <= set(inspect(conn).get_table_names())
        assert conn.execute(text("SELECT code FROM household")).scalar() == "DH-0001"
        conn.execute(text(f"INSERT INTO review_decision (id, round_id, number, date, signer, {SYNCED}'d1', 'r1', "
                          f"'1/QĐ-UBND', '2026-11-28', 'Chủ tịch', {NOW}, {NOW}, 1, 0)"))
        conn.execute(text(f"INSERT INTO official_classification (id, household_id, round_id, decision_id, category, "
                          f"decided_at, source, {SYNCED}'o1', 'h1', 'r1', 'd1', 'poor', '2026-11-28', 'proposed', "
                          f"{NOW}, {NOW}, 1, 0)"))
        assert conn.execute(text("SELECT category FROM official_classification")).scalar() == "poor"
    with engine.begin() as conn:
        command.downgrade(_config(conn), "0002_accounts")
        names = set(inspect(conn).get_table_names())
        assert not REVIEW_TABLES & names and "household" in names
        assert conn.execute(text("SELECT name FROM survey_round")).scalar() == "Rà soát 2026"
    engine.dispose()
