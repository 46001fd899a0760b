// a thrown non-Error is shown with console formatting
console.log("before");
throw { code: 7, why: "not an Error" };
