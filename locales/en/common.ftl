### Texts every page shares: the page header and the language switch.
### English is the source locale; other languages translate from this file.

## Terms

# The product's name. Not translated.
-brand-name = Recupera

## The language itself

# The language's name written in the language itself, on its button in the header's language switch.
# Not a translation of "English": the name people who read this language know it by.
language-name = English

## Page header

# Header, top left: the product's name, a link back to the home page.
header-brand = { -brand-name }

# The browser tab's title on every page: the page's own title, then the product's name.
# Variables:
#   $page (String) - the page's title, e.g. "Paso 2 de 4: Elige cómo verificar"
page-title = { $page } — { -brand-name }
# Header, top right, on wide screens: a button that opens the sign-in box.
header-sign-in = Sign in
# Header, top right, on phone-sized screens: a link to the screen with sign-in and sign-up.
header-my-account = My account
# Header: the name screen readers give the group of language buttons.
header-language-switch = Language

## Shared by several screens

# Link at the top of a screen that goes to the previous one.
back = Back
# Shown while a screen waits for the server.
loading = Loading…
# Close button of the sign-in box (read by screen readers; the button shows ×).
dialog-close = Close
# Button next to a password field that shows what was typed.
password-show = Show
# Button next to a password field that hides what was typed again.
password-hide = Hide
