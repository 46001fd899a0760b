var x = "a\u2028b";
