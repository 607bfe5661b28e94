-- Errors reported through the library's longjmp-free error paths, and the
-- shell's handling of them (without -bail stopping: .bail off).
.bail off
CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT UNIQUE, c CHECK (c > 0));
INSERT INTO t VALUES(1, 'x', 1);
INSERT INTO t VALUES(1, 'y', 1);
INSERT INTO t VALUES(2, 'x', 1);
INSERT INTO t VALUES(3, 'z', -1);
SELECT * FROM nosuchtable;
SELECT nosuchfunction(1);
SELECT 1 +;
SELECT json('{bad');
SELECT count(*) FROM t;
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT i FROM r LIMIT 5 OFFSET 100000;
SELECT randomblob(10) IS NOT NULL, length(randomblob(1000));
