### Textos que comparten todas las páginas: la cabecera y el selector de idioma.

## Terms

# The product's name. Not translated.
-brand-name = Recupera

## Page header

# Header, top left: the product's name, a link back to the home page.
header-brand = { -brand-name }
# Header, top right, on wide screens: a button that opens the sign-in box.
header-sign-in = Iniciar sesión
# Header, top right, on phone-sized screens: a link to the screen with sign-in and sign-up.
header-my-account = Mi cuenta
# Header: the name screen readers give the group of language buttons.
header-language-switch = Idioma
