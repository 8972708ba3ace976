"""E-mails about cases: to staff (new cases, claimant activity, daily digests) and to claimants
(acknowledgement, "there is news"). The contract, kept by every message here: an e-mail says that
something happened (reference, case type, language) and where to look, never what a claimant
wrote, their name, contact details, evidence or receipt code.

Messages are sent by tasks (forms_app.cases.tasks) after the transaction commits, with open and
click tracking off, retried with back-off; a message given up on is a MailFailure row.
"""
