"""The review procedure (rà soát) of a survey round, free of Qt.

* :mod:`desktop_app.review.machine` - the state machine: steps, what remains,
  checks that refuse out-of-order actions;
* :mod:`desktop_app.review.rules` - dates, working days, status between rounds
  and the 36-month "newly out of poverty" window;
* :mod:`desktop_app.review.facts` - loading a round's facts from the database;
* :mod:`desktop_app.review.texts` - the core texts (Vietnamese, English).

Services that change data are in :mod:`desktop_app.services.review`.
"""

from desktop_app.review import texts  # noqa: F401  (registers the messages)
from desktop_app.review.machine import STEPS, ReviewStatus, RoundFacts, StepStatus, final_results, status
from desktop_app.review.rules import TRANSITIONS, add_working_days, newly_out, transition_events

__all__ = ["STEPS", "TRANSITIONS", "ReviewStatus", "RoundFacts", "StepStatus", "add_working_days",
           "final_results", "newly_out", "status", "transition_events"]
