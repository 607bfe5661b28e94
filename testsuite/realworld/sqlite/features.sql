-- The SQL engine: window functions, recursive CTEs, JSON, FTS5, R*Tree,
-- printf, math functions, triggers, upsert, savepoints, generated columns.
.headers on
.mode list
CREATE TABLE sales(region TEXT, month INT, amount REAL);
WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM m WHERE i<12)
INSERT INTO sales SELECT r, i, (i * 37 + length(r) * 11) % 101 + 0.25 FROM m, (SELECT 'north' AS r UNION ALL SELECT 'south' UNION ALL SELECT 'east');
SELECT region, month, amount,
  sum(amount) OVER (PARTITION BY region ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS mov,
  rank() OVER (PARTITION BY month ORDER BY amount DESC) AS rk,
  lag(amount, 1, 0) OVER w AS prev, ntile(4) OVER w AS q
FROM sales WINDOW w AS (PARTITION BY region ORDER BY month) ORDER BY region, month;
SELECT region, printf('%.3f', avg(amount)), max(amount), min(amount), group_concat(month, '') FROM sales GROUP BY region ORDER BY 1;
-- Mandelbrot (from the SQLite documentation of WITH)
WITH RECURSIVE
  xaxis(x) AS (VALUES(-2.0) UNION ALL SELECT x+0.05 FROM xaxis WHERE x<1.2),
  yaxis(y) AS (VALUES(-1.0) UNION ALL SELECT y+0.1 FROM yaxis WHERE y<1.0),
  m(iter, cx, cy, x, y) AS (
    SELECT 0, x, y, 0.0, 0.0 FROM xaxis, yaxis
    UNION ALL
    SELECT iter+1, cx, cy, x*x-y*y + cx, 2.0*x*y + cy FROM m
     WHERE (x*x + y*y) < 4.0 AND iter<28),
  m2(iter, cx, cy) AS (SELECT max(iter), cx, cy FROM m GROUP BY cx, cy),
  a(t) AS (SELECT group_concat( substr(' .+*#', 1+min(iter/7,4), 1), '') FROM m2 GROUP BY cy)
SELECT group_concat(rtrim(t),x'0a') FROM a;
-- Sudoku solver (from the SQLite documentation of WITH)
WITH RECURSIVE
  input(sud) AS (VALUES('53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79')),
  digits(z, lp) AS (VALUES('1', 1) UNION ALL SELECT CAST(lp+1 AS TEXT), lp+1 FROM digits WHERE lp<9),
  x(s, ind) AS (
    SELECT sud, instr(sud, '.') FROM input
    UNION ALL
    SELECT substr(s, 1, ind-1) || z || substr(s, ind+1), instr( substr(s, 1, ind-1) || z || substr(s, ind+1), '.' )
     FROM x, digits AS z
    WHERE ind>0
      AND NOT EXISTS (
            SELECT 1 FROM digits AS lp
             WHERE z.z = substr(s, ((ind-1)/9)*9 + lp, 1)
                OR z.z = substr(s, ((ind-1)%9) + (lp-1)*9 + 1, 1)
                OR z.z = substr(s, (((ind-1)/3) % 3) * 3 + ((ind-1)/27) * 27 + lp + ((lp-1) / 3) * 6, 1)))
SELECT s FROM x WHERE ind=0;
-- JSON
SELECT json_object('a', 1, 'b', json_array(1, 2.5, 'x', NULL), 'c', json('{"d":true}'));
SELECT key, value, type FROM json_each('{"x":[1,2,{"y":3}],"z":"w"}') ORDER BY key;
SELECT fullkey, atom FROM json_tree('[1,[2,[3,[4]]]]') WHERE atom IS NOT NULL;
SELECT json_extract('{"a":{"b":[10,20,30]}}', '$.a.b[#-1]'), json_set('{"a":1}', '$.b', 2), json_remove('[1,2,3]', '$[1]'), json_valid('{x'), json_group_array(month) FROM sales WHERE month < 4 AND region = 'east';
-- FTS5 with a custom ranking and snippets
CREATE VIRTUAL TABLE docs USING fts5(title, body);
INSERT INTO docs VALUES('FDPIC', 'function descriptors hold an entry point and a GOT pointer'),
  ('nommu', 'without a memory management unit all processes share one address space'),
  ('XIP', 'execute in place from flash: the text is shared and never copied'),
  ('PLT', 'lazy binding resolves a function descriptor on its first call');
SELECT title, snippet(docs, 1, '[', ']', '...', 4) FROM docs WHERE docs MATCH 'descriptor* OR shared' ORDER BY rank;
SELECT title FROM docs WHERE docs MATCH 'title:nommu OR body:flash' ORDER BY title;
SELECT highlight(docs, 0, '<', '>') FROM docs WHERE docs MATCH '"function descriptor"' ORDER BY rowid;
-- R*Tree
CREATE VIRTUAL TABLE box USING rtree(id, minx, maxx, miny, maxy);
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i<399)
INSERT INTO box SELECT i, (i%20)*5, (i%20)*5+7, (i/20)*5, (i/20)*5+7 FROM c;
SELECT count(*), sum(id) FROM box WHERE minx <= 50 AND maxx >= 40 AND miny <= 20 AND maxy >= 12;
-- printf, math, dates, strings
SELECT printf('%5d|%-8s|%08.3f|%x|%c|%q|%w|%,d', 42, 'ab', 3.14159, 255, 'z', 'it''s', 'a"b', 1234567);
SELECT round(sqrt(2), 10), pow(2, 10), floor(-1.5), ceil(1.2), log10(1000), round(atan2(1, 1) * 4, 12), mod(17, 5), pi() > 3.14;
SELECT date('2026-12-03', '+1 month', 'start of month'), strftime('%j %w %s', '2000-02-29 12:00:00'), julianday('2000-01-01') - julianday('1999-01-01');
SELECT upper('fdpic'), hex(zeroblob(3)), quote(x'00ff'), instr('function descriptor', 'desc'), replace('a-b-c', '-', '+'), trim('  x  '), unicode('€'), char(70, 68);
SELECT 9223372036854775807 + 0, -9223372036854775808 - 0, 1e308 * 10, 7 / 2, 7 % 3, 7.0 / 2, cast('12abc' AS INTEGER), typeof(1 / 0);
-- triggers, upsert, savepoints, generated columns, views, constraint errors
CREATE TABLE acct(id INTEGER PRIMARY KEY, bal INT NOT NULL CHECK (bal >= 0), twice INT GENERATED ALWAYS AS (bal * 2));
CREATE TABLE log(msg TEXT);
CREATE TRIGGER t_upd AFTER UPDATE OF bal ON acct BEGIN INSERT INTO log VALUES(printf('%d:%d->%d', new.id, old.bal, new.bal)); END;
INSERT INTO acct(id, bal) VALUES(1, 100), (2, 50);
INSERT INTO acct(id, bal) VALUES(1, 5) ON CONFLICT(id) DO UPDATE SET bal = bal + excluded.bal;
SAVEPOINT s1;
UPDATE acct SET bal = bal - 30 WHERE id = 2;
ROLLBACK TO s1;
RELEASE s1;
UPDATE acct SET bal = bal - 20 WHERE id = 2;
CREATE VIEW v AS SELECT id, bal, twice FROM acct;
SELECT * FROM v ORDER BY id;
SELECT msg FROM log ORDER BY rowid;
SELECT count(*) FROM pragma_table_xinfo('acct');
EXPLAIN QUERY PLAN SELECT * FROM sales WHERE region = 'east' AND month > 6;
CREATE INDEX sales_rm ON sales(region, month);
EXPLAIN QUERY PLAN SELECT * FROM sales WHERE region = 'east' AND month > 6;
SELECT region, sum(amount) FROM sales WHERE region = 'east' AND month > 6;
