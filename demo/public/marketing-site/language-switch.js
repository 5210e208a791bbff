// The marketing site's own language switch: sets <html lang>, which the badge follows, and puts the site's text in
// that language (the page is written in German; elements with `data-en` carry the English), so the declared language
// always matches what the page says.
const source = document.documentElement.lang;
const buttons = [...document.querySelectorAll('[data-set-lang]')];

function apply(lang) {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-en]')) {
    element.dataset[source] ??= element.textContent;
    element.textContent = element.dataset[lang] ?? element.dataset[source];
  }
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.setLang === lang));
}

for (const button of buttons) button.addEventListener('click', () => apply(button.dataset.setLang));
apply(source);
