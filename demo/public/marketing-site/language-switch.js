// The marketing site's own language switch: sets <html lang>, which the badge follows.
const buttons = [...document.querySelectorAll('[data-set-lang]')];
const reflect = () => {
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.setLang === document.documentElement.lang));
};
for (const button of buttons) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.setLang;
    reflect();
  });
}
reflect();
