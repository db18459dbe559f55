"""Support tracking (issue 4), Qt-free.

* :mod:`.catalogue` - the programmes and funding sources of
  ``resources/support/catalogue.toml`` (plus the commune's local programmes);
* :mod:`.facts` - what the support features need to know about households
  (status, members' ages, deprivations), read in bulk from the register;
* :mod:`.eligibility` - hints of the supports a household appears eligible
  for (rules in ``resources/support/eligibility.toml``);
* :mod:`.coverage` - coverage figures against the plans' targets
  (``resources/support/targets.toml``) and totals by programme and source;
* :mod:`.bulk` - bulk rules (health-insurance cards, Tết gifts ...);
* :mod:`.ledger_excel` - the Excel support ledger.

Data changes go through :mod:`desktop_app.services.support`.
"""
