// a user function without a site tag (not built by ferryc) cannot be
// migrated: the snapshot fails with its path, and the program keeps running
var app = { handler: function () { console.log("handled"); } };
setTimeout(app.handler, 20);
setImmediate(console.log, "before");
