// Ribbon buttons (manifest.xml: ExecuteFunction <name>): each runs the custom script of the same name, sending
// only the sheets the script asks for (its include list, from custom-scripts-meta). Errors appear in the
// xlwings alert box (/xlwings/alert), in Turkish where they come from us.
async function gockurulScriptsMeta() {
  if (!globalThis.gockurulMeta) {
    const response = await fetch(config.appPath + "/xlwings/custom-scripts-meta.json");
    globalThis.gockurulMeta = response.ok ? await response.json() : [];
  }
  return globalThis.gockurulMeta;
}

function gockurulRibbonButton(scriptName) {
  return async function (event) {
    try {
      const meta = (await gockurulScriptsMeta()).find((m) => m.function_name === scriptName) || {};
      const authResult =
        typeof globalThis.getAuth === "function" ? await globalThis.getAuth() : { token: "", provider: "" };
      await xlwings.runPython({
        scriptName: scriptName,
        include: meta.include || "",
        auth: authResult.token,
        headers: { "Auth-Provider": authResult.provider },
      });
    } finally {
      event.completed();
    }
  };
}

const gockurulButtons = document.getElementById("gockurul-buttons");
if (gockurulButtons && globalThis.Office && Office.actions) {
  for (const name of JSON.parse(gockurulButtons.textContent)) {
    try {
      Office.actions.associate(name, gockurulRibbonButton(name));
    } catch (e) {
      console.error("Şerit düğmesi bağlanamadı: " + name, e);
    }
  }
}
