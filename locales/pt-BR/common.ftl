### Textos que todas as páginas compartilham: o cabeçalho e a troca de idioma.

## Terms

# The product's name. Not translated.
-brand-name = Recupera

## The language itself

# The language's name written in the language itself, on its button in the header's language switch.
# Not a translation of "English": the name people who read this language know it by.
language-name = Português

## Page header

# Header, top left: the product's name, a link back to the home page.
# Same as the source: the brand name.
header-brand = { -brand-name }

# The browser tab's title on every page: the page's own title, then the product's name.
# Same as the source: the page and the brand, in every language.
# Variables:
#   $page (String) - the page's title, e.g. "Passo 2 de 4: Escolha como verificar"
page-title = { $page } — { -brand-name }
# Header, top right, on wide screens: a button that opens the sign-in box.
header-sign-in = Entrar
# Header, top right, on phone-sized screens: a link to the screen with sign-in and sign-up.
header-my-account = Minha conta
# Header: the name screen readers give the group of language buttons.
header-language-switch = Idioma

## Shared by several screens

# Link at the top of a screen that goes to the previous one.
back = Voltar
# Shown while a screen waits for the server.
loading = Carregando…
# Close button of the sign-in box (read by screen readers; the button shows ×).
dialog-close = Fechar
# Button next to a password field that shows what was typed.
password-show = Mostrar
# Button next to a password field that hides what was typed again.
password-hide = Ocultar
