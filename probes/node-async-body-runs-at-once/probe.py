# When does the body of a JavaScript async function run? Node.js runs
# greet.js, beside this file, and its output is what it printed.
import subprocess

version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
print("Node.js", version.strip().split(".")[0].lstrip("v"))
run = subprocess.run(["node", "greet.js"], capture_output=True, text=True, timeout=30)
print(run.stdout, end="")
