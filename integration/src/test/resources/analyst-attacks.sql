# Statements an analyst might try in a read-only session, each of which must be refused (AnalystAttacksTest in
# a sql session, ServeIT over Spark Connect). One statement per line; '#' lines are comments, and a '# layer'
# line starts the statements refused because the analyst role does not read the layer. ${location} is the
# storage path of silver.attack_items. Tables: silver.attack_items (id STRING, n INT), gold.attack_scores
# (id STRING, score DOUBLE), bronze.attack_raw (line STRING).
# writes, settings, code and reads around the catalog: refused for what they do
## lifting or widening the restrictions
SET spark.borderwatch.analyst=false
set  Spark.Borderwatch.Analyst = false
RESET
RESET spark.borderwatch.analyst
SET spark.borderwatch.analyst.writableTables=ops.job_runs
SET spark.sql.runSQLOnFiles=true
## persistent views, whatever their text says
CREATE VIEW silver.v1 AS SELECT 'localtempview' AS x, * FROM silver.attack_items
CREATE OR REPLACE VIEW silver.v2 AS SELECT 1 AS localtempview
## the metastore
ANALYZE TABLES IN silver COMPUTE STATISTICS
ANALYZE TABLE silver.attack_items COMPUTE STATISTICS
ALTER TABLE silver.attack_items SET TBLPROPERTIES ('x' = 'y')
COMMENT ON TABLE silver.attack_items IS 'x'
CREATE SCHEMA attack_schema
DROP DATABASE silver CASCADE
## code in the session
SELECT reflect('java.lang.System', 'getProperty', 'user.name')
SELECT java_method('java.lang.System', 'getProperty', 'user.name')
SELECT try_reflect('java.lang.System', 'exit', 7)
SELECT id FROM silver.attack_items WHERE reflect('java.lang.Thread', 'sleep', 1L) IS NULL
WITH x AS (SELECT reflect('java.lang.System', 'getenv', 'HOME') r) SELECT * FROM x
SELECT * FROM (SELECT upper(java_method('java.lang.System', 'getProperty', 'user.home')) r)
ADD JAR /tmp/borderwatch-no-such.jar
CREATE TEMPORARY FUNCTION f AS 'java.lang.String'
CREATE FUNCTION silver.f AS 'java.lang.String'
## reads around the catalog
CREATE TEMPORARY VIEW j USING jdbc OPTIONS (url 'jdbc:derby:memory:attack;create=true', dbtable 'SYS.SYSTABLES')
CREATE TEMPORARY VIEW t USING text OPTIONS (path '/etc/passwd')
SELECT * FROM text.`/etc/passwd`
SELECT * FROM csv.`/etc/passwd`
SELECT * FROM json.`/etc/passwd`
SELECT * FROM delta.`${location}`
SELECT * FROM parquet.`${location}`
## shared memory, files and history
CACHE TABLE silver.attack_items
CACHE TABLE c AS SELECT * FROM silver.attack_items
INSERT OVERWRITE DIRECTORY '/tmp/borderwatch-attack' USING parquet SELECT 1 AS x
RESTORE TABLE silver.attack_items TO VERSION AS OF 0
VACUUM silver.attack_items RETAIN 0 HOURS
OPTIMIZE silver.attack_items ZORDER BY (n)
CREATE TABLE silver.x USING delta LOCATION '/tmp/borderwatch-attack-y' AS SELECT 1 AS a
DELETE FROM silver.attack_items
INSERT INTO silver.attack_items SELECT /*+ REPARTITION(1) */ * FROM silver.attack_items
UPDATE silver.attack_items SET n = 2 WHERE id = 'a' -- localtempview
TRUNCATE TABLE silver.attack_items
## code or files inside a subquery
SELECT 1 WHERE EXISTS (SELECT reflect('java.lang.System', 'getProperty', 'user.name'))
SELECT (SELECT java_method('java.lang.System', 'getenv', 'HOME'))
CREATE GLOBAL TEMPORARY VIEW shared AS SELECT * FROM gold.attack_scores
# layer: a layer the analyst role does not read (silver's identities, bronze's raw lines, the audit)
SELECT * FROM silver.attack_items
SELECT s.* FROM gold.attack_scores s JOIN silver.attack_items i ON s.id = i.id
SELECT * FROM gold.attack_scores WHERE id IN (SELECT id FROM silver.attack_items)
SELECT (SELECT max(n) FROM silver.attack_items) AS m
WITH i AS (SELECT * FROM silver.attack_items) SELECT count(*) FROM i
SELECT * FROM gold.attack_scores UNION ALL SELECT id, n FROM silver.attack_items
CREATE TEMPORARY VIEW around AS SELECT * FROM silver.attack_items
DESCRIBE HISTORY silver.attack_items
DESCRIBE TABLE EXTENDED silver.attack_items
DESCRIBE HISTORY '${location}'
SELECT * FROM silver.attack_items VERSION AS OF 0
SELECT * FROM bronze.attack_raw
SELECT * FROM ops.analyst_audit
SELECT * FROM spark_catalog.silver.attack_items
