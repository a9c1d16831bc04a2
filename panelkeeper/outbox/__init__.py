"""The outbox: every email the application sends is first a row here.

A domain function posts a message with :func:`panelkeeper.outbox.posting.post` inside
the transaction that makes the change the message is about, so the two are saved
together or not at all: a letter rolled back sends nothing. Each message has a key
saying what it is (a letter's dispatch, one person's digest for a day); posting a key a
second time posts nothing, so a job that is run again sends nobody anything twice.

After the transaction commits, the task :func:`panelkeeper.outbox.tasks.send_outbox`
sends every message whose time has come (:mod:`panelkeeper.outbox.sending`). It claims
each row before sending it, so two workers never send the same one, marks it sent with
the time, and never sends a row marked sent. While the mail server cannot be reached, or
answers with a temporary (4xx) failure, the row waits and is tried again later, each
wait twice the one before up to an hour. A permanent refusal (5xx, a refused address)
marks the row failed with the server's reason; officers see it on their failed messages
page, can correct the address and send it again.

Nothing waits for ever because an enqueue was lost: each run of the task sends every
message that is due, not only the one that woke it, and ``panelkeeper daily`` wakes it
too.

SMTP cannot promise that a message is delivered exactly once. The sender takes messages
a few at a time (``CLAIM_SIZE``), marking them "sending", and marks each sent as soon as
the server accepts it. A worker that dies in between leaves the messages it had taken
"sending": the one it was sending may have reached the server, the others have not.
Once their lease has run out (``PANELKEEPER_EMAIL_LEASE_MINUTES``, 15 by default) they
are sent once more and marked as possibly sent twice, so officers know the person may
have two copies. A message cut off a second time is not tried again: it is marked
failed, saying it may have arrived, for an officer to decide.
"""
