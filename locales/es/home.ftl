### La página de inicio, lo primero que ve quien llega.

# Home page: main heading.
home-title = Recupera el acceso a tu cuenta
# Home page: the text under the heading.
home-intro = ¿Has olvidado la contraseña? Pulsa «Iniciar sesión» arriba a la derecha y después «¿Has olvidado la contraseña?»: te enviamos un código por email o SMS y creas una contraseña nueva.
# Home page: button that starts account recovery.
home-start-recovery = Recuperar mi cuenta
