### La página de inicio, lo primero que ve quien llega.

# Home page: main heading.
home-title = Recupera el acceso a tu cuenta
# Home page: the text under the heading. The same on phones and wide screens, whose headers differ.
home-intro = ¿Has olvidado la contraseña? Te enviamos un código por email o SMS y creas una contraseña nueva. Es cuestión de un minuto.
# Home page: button that starts account recovery.
home-start-recovery = Recuperar mi cuenta
