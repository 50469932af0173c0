// Presses xlwings Lite's buttons in real Pyodide under Node (tests/test_lite_pyodide.py, bench/lite_bench.py).
// node press.mjs JOB.json OUT.json — JOB: {wheels_dir, micropip, deps: [wheel file names], ours: our wheel's
// file name (or requirements_url: a requirements.txt naming its URL), main_py, jobs: [{button, payload}]}. Wheels come from local files only: Pyodide never fetches anything.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = dirname(fileURLToPath(import.meta.url));
const job = JSON.parse(readFileSync(process.argv[2], "utf-8"));
async function main() {
const t0 = performance.now();
const py = await loadPyodide({ indexURL: join(here, "node_modules", "pyodide") + "/" });
const loaded = performance.now();
py.FS.mkdirTree("/wheels");
py.FS.mount(py.FS.filesystems.NODEFS, { root: job.wheels_dir }, "/wheels");
// micropip itself is a pure wheel from PyPI (the npm package has Pyodide's lock, not its package files).
py.unpackArchive(new Uint8Array(readFileSync(join(job.wheels_dir, job.micropip))), "wheel");
py.globals.set("job_json", JSON.stringify(job));
const out = await py.runPythonAsync(`
import json, sys, time, types
job = json.loads(job_json)
import micropip
# Dependencies without resolving (they are the closure), then our wheel WITH resolution: every requirement of
# ours must be met by what is installed, or micropip goes to the network and fails (there is none).
await micropip.install(["emfs:/wheels/" + n for n in job["deps"]], deps=False)
t = time.perf_counter()
if job.get("requirements_url"):
    # As Lite does with its requirements.txt: here the one gockurul sunucu serves, naming its own wheel's URL
    # (fetched over HTTP from the test's server); the PyPI packages it names are installed already.
    from pyodide.http import pyfetch
    text = await (await pyfetch(job["requirements_url"])).string()
    lines = [x.strip() for x in text.splitlines() if x.strip() and not x.strip().startswith("#")]
    await micropip.install(lines, deps=True)
    job["requirements"] = lines
else:
    await micropip.install("emfs:/wheels/" + job["ours"], deps=True)
install_s = time.perf_counter() - t
import os
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"  # Lite's own xlwings has its licence; the PyPI wheel wants one
# What makes \`from xlwings import script\` the Office.js one (xlwings/__init__.py: XLWINGS_ON_SERVER), as in Lite,
# whose scripts are called the way xlwings Server calls them (xlwings.server.custom_scripts_call).
os.environ["XLWINGS_ON_SERVER"] = "true"
t = time.perf_counter()
import xlwings as xw
from xlwings.server import custom_scripts_call
main = types.ModuleType("main")
exec(compile(job["main_py"], "main.py", "exec"), main.__dict__)
import_s = time.perf_counter() - t
results = []
for j in job["jobs"]:
    book = xw.Book(json=j["payload"])
    profile = None
    if j.get("profile"):  # bench/lite_bench.py --profil: where a press spends its time
        import cProfile, io, pstats
        profile = cProfile.Profile()
        profile.enable()
    t = time.perf_counter()
    await custom_scripts_call(main, j["button"], typehint_to_value={xw.Book: book})
    actions = book.json()
    seconds = time.perf_counter() - t
    if profile is not None:
        profile.disable()
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(j["profile"])
        j["profile_text"] = text.getvalue()
    book.close()
    results.append({"button": j["button"], "seconds": seconds, "actions": actions,
                    "profile": j.get("profile_text")})
heavy = sorted(m for m in ("pandas", "python_calamine", "lxml", "docx", "openpyxl", "jsonschema", "holidays",
                           "pycountry", "icalendar", "numpy") if m in sys.modules)
heavy += sorted(m for m in sys.modules if m.startswith("gockurul_excel.files"))  # file code: never in Lite
from importlib.metadata import version as dist_version
json.dumps({"gockurul_excel": dist_version("gockurul-excel"), "requirements": job.get("requirements"),
            "python": sys.version, "platform": sys.platform, "install_s": install_s, "import_s": import_s,
            "results": results, "modules": heavy})
`);
writeFileSync(process.argv[3], out);
const info = JSON.parse(out);
console.log(`pyodide ${py.version} loaded in ${((loaded - t0) / 1000).toFixed(2)} s; python ${info.python}`);
}

try {
  await main();
} catch (e) {
  // Only the error's message (for Python, its traceback): Node would print Pyodide's minified source line.
  process.stderr.write(String(e?.message ?? e) + "\n");
  process.exitCode = 1;
}
