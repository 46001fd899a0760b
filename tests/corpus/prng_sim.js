// A deterministic simulation with a seeded PRNG (xorshift), objects with methods, closures and sorting.
function xorshift(seed) {
  var x = seed | 0;
  return function () {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
var rand = xorshift(2463534242);
function Bank() { this.accounts = {}; this.log = []; }
Bank.prototype.open = function (id, amount) { this.accounts[id] = { id: id, balance: amount, ops: 0 }; };
Bank.prototype.transfer = function (from, to, amount) {
  var a = this.accounts[from], b = this.accounts[to];
  if (a.balance < amount) { this.log.push('reject ' + from + '->' + to + ' ' + amount); return false; }
  a.balance -= amount; b.balance += amount; a.ops++; b.ops++;
  return true;
};
var bank = new Bank();
var ids = ['ann', 'bob', 'cat', 'dan', 'eve'];
ids.forEach(function (id, i) { bank.open(id, 100 * (i + 1)); });
var ok = 0;
for (var step = 0; step < 200; step++) {
  var from = ids[Math.floor(rand() * ids.length)];
  var to = ids[Math.floor(rand() * ids.length)];
  if (from === to) continue;
  if (bank.transfer(from, to, Math.floor(rand() * 120))) ok++;
}
var total = 0;
for (var id in bank.accounts) total += bank.accounts[id].balance;
console.log('ok transfers ' + ok + ', rejected ' + bank.log.length + ', total ' + total);
var ranking = ids.map(function (id) { return bank.accounts[id]; }).sort(function (p, q) { return q.balance - p.balance || (p.id < q.id ? -1 : 1); });
ranking.forEach(function (acc) { console.log(acc.id + ' ' + acc.balance + ' ' + acc.ops); });
console.log(bank.log.slice(0, 3).join('; '));
// a histogram of the PRNG to check the sequence is the same
var buckets = [0, 0, 0, 0, 0];
for (var n = 0; n < 1000; n++) buckets[Math.floor(rand() * 5)]++;
console.log(buckets.join(' '));
