fn main() {
    recupera::start();
}
