-- Run-time loadable extensions of ext/misc, loaded with dlopen by the shell.
.headers on
.mode list
.load @EXT@/csv.so
CREATE VIRTUAL TABLE temp.t1 USING csv(data='name,qty,price
apple,3,1.25
pear,10,0.5
"fig, dried",7,3.0
', header=true);
SELECT name, qty * price AS total FROM t1 ORDER BY total DESC;
SELECT count(*), sum(qty) FROM t1 WHERE name LIKE '%e%';
.load @EXT@/uuid.so
SELECT uuid_str(uuid_blob('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')), length(uuid_blob(uuid())), uuid() = uuid();
.load @EXT@/rot13.so
SELECT rot13('Hello, FDPIC world!'), rot13(rot13('round trip'));
CREATE TABLE w(x);
INSERT INTO w VALUES('apple'),('Nope'),('zebra'),('Monkey'),('banana');
SELECT x FROM w ORDER BY x COLLATE rot13;
.load @EXT@/percentile.so
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<1000)
SELECT percentile(i, 0), percentile(i, 25), percentile(i, 50), percentile(i, 99.5), percentile(i, 100) FROM c;
SELECT percentile(x, 50) FROM (SELECT 1.5 AS x UNION ALL SELECT 2.5 UNION ALL SELECT NULL);
.load @EXT@/spellfix.so
CREATE VIRTUAL TABLE demo USING spellfix1;
INSERT INTO demo(word) VALUES('apple'),('apply'),('ample'),('maple'),('applesauce'),('pineapple'),('people');
SELECT word, distance FROM demo WHERE word MATCH 'appel' ORDER BY distance, word LIMIT 4;
SELECT editdist3('kitten','sitting'), editdist3('FDPIC','PIC'), spellfix1_translit('Ærøskøbing');
.load @EXT@/wholenumber.so
CREATE VIRTUAL TABLE nums USING wholenumber;
SELECT group_concat(value) FROM nums WHERE value BETWEEN 5 AND 15;
SELECT sum(value) FROM nums WHERE value < 10001;
.load @EXT@/eval.so
SELECT eval('SELECT 1+1; SELECT 6*7, ''x'''), eval('SELECT name FROM t1 ORDER BY 1', '|');
.load @EXT@/totype.so
SELECT tointeger('12'), tointeger('12.5'), tointeger(3.0), toreal('1.5'), toreal('x'), toreal(7);
.load @EXT@/closure.so
CREATE TABLE emp(id INTEGER PRIMARY KEY, boss INTEGER REFERENCES emp);
CREATE INDEX emp_boss ON emp(boss);
INSERT INTO emp VALUES(1,NULL),(2,1),(3,1),(4,2),(5,4),(6,3),(7,6),(8,7);
CREATE VIRTUAL TABLE ct USING transitive_closure(tablename='emp', idcolumn='id', parentcolumn='boss');
SELECT group_concat(id) FROM (SELECT id FROM ct WHERE root=2 ORDER BY id);
SELECT id, depth FROM ct WHERE root=1 AND depth>=3 ORDER BY id;
.load @EXT@/nextchar.so
CREATE TABLE dictionary(word TEXT PRIMARY KEY);
INSERT INTO dictionary VALUES('chair'),('chalk'),('champ'),('chess'),('chili'),('cheap');
SELECT next_char('ch','dictionary','word'), next_char('cha','dictionary','word');
.load @EXT@/prefixes.so
SELECT group_concat(prefix, '|') FROM prefixes('abcdef');
SELECT prefix_length('abcdxyz', 'abcdefg');
