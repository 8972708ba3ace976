from django.core.management.commands.makemessages import Command as MakeMessagesCommand


class Command(MakeMessagesCommand):
    """makemessages without fuzzy matching: a guessed translation of a new string is worse than
    none, because the completeness check would take it for a real one."""

    msgmerge_options = [*MakeMessagesCommand.msgmerge_options, "--no-fuzzy-matching"]
