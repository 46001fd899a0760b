// new.target round trip: the printer writes it back where it stood
function F(a) {
	if (!new . target) return new F(a);
	this.a = a;
	this.same = new.target === F;
	this.name = new.target.name;
	this.o = { get g() { return typeof new.target; } }.g;
}
var f = F(1), g = new F(2);
print(f.a, f.same, f.name, f.o, g.a, g.same, new new F(3).constructor(4).a);
