// Task pane: keep the access token typed into the field (localStorage of this PC's Office web view).
const field = document.getElementById("gockurul-token");
if (field) {
  try {
    field.value = localStorage.getItem("gockurulToken") || "";
  } catch (e) {
    // storage unavailable: the token is asked for again next time
  }
  field.addEventListener("change", () => {
    try {
      localStorage.setItem("gockurulToken", field.value.trim());
    } catch (e) {
      // see above
    }
  });
}
