async function greet(name) {
  console.log(`  greet(${name}) runs`);
  return `hello, ${name}`;
}

async function main() {
  console.log("call greet(a)");
  const greeting = greet("a");
  console.log("greet(a) has returned");
  console.log(`got: ${await greeting}`);

  console.log("call greet(b) and drop what it returns");
  greet("b");
  console.log("done");
}

main();
