"""One piece of demo text in every language the site offers."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    en: str
    zh_hans: str
    zh_hant: str

    def in_language(self, language_code: str) -> str:
        return {"en": self.en, "zh-hans": self.zh_hans, "zh-hant": self.zh_hant}[language_code]
