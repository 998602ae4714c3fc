for (const table of document.querySelectorAll("table.sortable")) {
  table.querySelectorAll("th").forEach((heading, column) => {
    heading.addEventListener("click", () => {
      const body = table.tBodies[0];
      const descending = heading.dataset.order !== "desc";
      heading.dataset.order = descending ? "desc" : "asc";
      const value = row => row.cells[column].dataset.value;
      const rows = Array.from(body.rows).sort((a, b) => {
        const x = value(a), y = value(b);
        if (x === "" || y === "") return (x === "") - (y === "");
        const difference = isNaN(x) || isNaN(y) ? x.localeCompare(y) : x - y;
        return descending ? -difference : difference;
      });
      body.append(...rows);
    });
  });
}
