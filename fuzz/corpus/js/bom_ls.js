var bom = 1; var ls = 2; console.log(bom + ls);
