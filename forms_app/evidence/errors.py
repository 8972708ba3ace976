"""The one exception the evidence package raises, with every message a claimant can see.

Messages stay lazy (gettext_lazy) and are formatted only when rendered, so they appear in the
language active at display time. Sizes are formatted lazily for the same reason.
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .codes import (
    CASE_TOO_LARGE,
    FILE_TOO_LARGE,
    FILE_TYPE,
    IMAGE_TOO_LARGE,
    NOT_STRIPPED,
    PROCESSING_FAILED,
    REQUEST_PIXELS,
    TOO_MANY_FILES,
    UNREADABLE,
)

MESSAGES = {
    FILE_TYPE: _(
        "“%(name)s” is not a kind of file we can accept. Please send photos or screenshots "
        "(JPEG, PNG, GIF, WebP or HEIC), PDF documents, plain text files, or audio or video recordings."
    ),
    FILE_TOO_LARGE: _("“%(name)s” is too large. Each file can be at most %(limit)s."),
    TOO_MANY_FILES: ngettext_lazy(
        "You chose %(count)s files. Please send at most %(limit)s file at a time.",
        "You chose %(count)s files. Please send at most %(limit)s files at a time.",
        "limit",
    ),
    CASE_TOO_LARGE: _(
        "“%(name)s” could not be added: together your files come to more than %(limit)s, "
        "the most we can accept at once."
    ),
    IMAGE_TOO_LARGE: _(
        "“%(name)s” is too large an image for us to process safely. "
        "Please send a smaller version, for example a screenshot of it."
    ),
    UNREADABLE: _("We could not read “%(name)s”. It may be damaged, empty or protected with a password."),
    REQUEST_PIXELS: _(
        "Together your images are too large for us to process safely at once. None of your files "
        "was added: please send fewer images, or smaller versions of them (for example screenshots)."
    ),
    PROCESSING_FAILED: _(
        "One of your files could not be processed safely, so none of them was added. "
        "Please try again with fewer files, or leave out any file that may be damaged."
    ),
    NOT_STRIPPED: _(
        "We could not remove the hidden details (such as the recording device, date or place) "
        "from “%(name)s”. We can accept it only as it is, if you agree below that we keep your "
        "original files unchanged. Otherwise please leave it out."
    ),
}

# Used with code "case_too_large" when the whole request is refused before any file is read.
REQUEST_TOO_LARGE = _(
    "Your files together come to more than %(limit)s, the most we can accept at once. "
    "None of them was added: please send fewer or smaller files."
)

# Evaluated when the message is rendered, in the language active then.
human_size = lazy(filesizeformat, str)


class EvidenceRejected(ValidationError):
    """A claimant-facing refusal of one upload (or, built with ``several``, of many).

    ``EvidenceRejected("file_too_large", name="photo.jpg", limit=human_size(20 * MiB))``;
    ``message`` replaces the code's usual sentence.
    """

    def __init__(self, code, name="", *, message=None, **params):
        super().__init__(message or MESSAGES[code], code=code, params={"name": name, **params})

    @classmethod
    def several(cls, errors):
        """One exception listing every refused file; ``code`` is the first one's."""
        if len(errors) == 1:
            return errors[0]
        combined = ValidationError.__new__(cls)
        ValidationError.__init__(combined, list(errors))
        combined.code = errors[0].code
        return combined

    def __reduce__(self):
        # ValidationError's args are (message, code, params), which this __init__ does not take:
        # rebuild from the code and restore the rest, so copy/deepcopy/pickle keep working.
        if not (len(self.error_list) == 1 and self.error_list[0] is self):
            return (type(self).several, (self.error_list,))
        return (type(self), (self.code,), self.__dict__)
