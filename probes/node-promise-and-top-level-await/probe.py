# The note's JavaScript details, run by Node.js: Promise.solve, and await at
# the top level of a module and of a CommonJS script.
import os
import subprocess
import tempfile


def node(name, source):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, name)
        with open(path, "w") as file:
            file.write(source)
        run = subprocess.run(["node", path], capture_output=True, text=True, timeout=30)
    said = [line for line in (run.stdout + run.stderr).splitlines() if "Error" in line or line == "5"]
    return said[0] if said else "(nothing)"


version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
print("Node.js", version.strip().split(".")[0].lstrip("v"))
print("Promise.solve(5):", node("solve.js", "Promise.solve(5);\n"))
top_level = "const x = await Promise.resolve(5);\nconsole.log(x);\n"
print("top-level await in an .mjs module:", node("module.mjs", top_level))
print("top-level await in a .cjs script:", node("script.cjs", top_level))
