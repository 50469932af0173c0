// The Authorization header the xlwings client sends with every button (xlwings-server's getAuth hook).
// Entra ID where the province configured it; otherwise the access token typed once into the task pane.
globalThis.getAuth = async function () {
  if (config.authProviders.includes("entraid")) {
    return { token: await xlwings.getAccessToken(), provider: "entraid" };
  }
  let token = "";
  try {
    token = localStorage.getItem("gockurulToken") || "";
  } catch (e) {
    token = "";
  }
  return { token: token ? "Bearer " + token : "", provider: "custom" };
};
