// The proof-of-work widget's texts in the page's language (module: runs after altcha.min.js).
const data = document.getElementById("altcha-strings");
if (data && globalThis.$altcha && globalThis.$altcha.i18n) {
  const { language, strings } = JSON.parse(data.textContent);
  globalThis.$altcha.i18n.set(language, strings);
}
