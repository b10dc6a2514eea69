// The module-level `a = "a"` of the Python program, translated word for word.
static A: &str = "a";

fn run(name: &'static str) {
    println!("{name} {A}");
    A = name;
}

fn main() {
    run("t1");
    run("t2");
}
