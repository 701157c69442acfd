fn main() {
    tsuzuki::start();
}
