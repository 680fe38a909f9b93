-- Tradecheck: the audit workbook's Summary and Totals tables, recomputed
-- from shipments.parquet (schema version 1; see README.md, "Big runs:
-- Parquet, DuckDB and Spark").
--
-- Run it in the folder tradecheck-cli reconcile --parquet wrote:
--   duckdb < totals.sql
-- (or, with the repository's runner: node scripts/duckdb/duckdb.mjs -C DIR docs/parquet/totals.sql)
--
-- One result: table_name ('summary:consignee', 'summary:shipper',
-- 'totals:route', 'totals:origin', 'totals:dispatch', 'totals:destination',
-- 'totals:hs2', 'totals:hs4', 'totals:month', 'totals:chpl' (CHPL tier),
-- and 'total' for all counted
-- shipments), key (entity ID or the Totals sheet's key), label, shipments,
-- tonnes, value_usd — the workbook's figures, row for row.
--
-- The rules, as the workbook's formulas apply them: only counted shipments
-- (not excluded by the user, not a monthly aggregate covered by
-- shipment-level data); "shipments" counts shipment-level consignments only
-- (the goods items of one declaration, or rows of one bill of lading, share
-- a consignment key and count once; a row without one counts alone), while
-- tonnes and USD also add counted monthly aggregate lines; a shipment
-- without usable weight or USD value (null) adds nothing to that sum.
--
-- Everything after the line "-- query" is plain SQL that Spark SQL runs
-- unchanged over a view named shipments (docs/parquet/totals_spark.py).

CREATE OR REPLACE VIEW shipments AS SELECT * FROM read_parquet('shipments.parquet');

-- query
WITH counted AS (
  SELECT *, coalesce(nullif(consignment, ''), shipment_id) AS unit FROM shipments WHERE counted
),
keyed AS (
  SELECT 'summary:consignee' AS table_name, consignee_entity_id AS key, consignee_entity AS label, granularity, unit, tonnes, value_usd
    FROM counted WHERE consignee_entity_id <> ''
  UNION ALL
  SELECT 'summary:shipper', shipper_entity_id, shipper_entity, granularity, unit, tonnes, value_usd
    FROM counted WHERE shipper_entity_id <> ''
  UNION ALL SELECT 'totals:route', route_key, route_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'totals:origin', origin_key, origin_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'totals:dispatch', dispatch_key, dispatch_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'totals:destination', destination_key, destination_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'totals:hs2', hs2_key, hs2_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'totals:hs4', hs4_key, hs4_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'totals:month', month_key, month_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'totals:chpl', chpl_key, chpl_key, granularity, unit, tonnes, value_usd FROM counted
  UNION ALL SELECT 'total', 'all', 'All counted shipments', granularity, unit, tonnes, value_usd FROM counted
)
SELECT table_name,
       key,
       min(label) AS label,
       count(DISTINCT CASE WHEN granularity = 'shipment' THEN unit END) AS shipments,
       coalesce(sum(tonnes), 0) AS tonnes,
       coalesce(sum(value_usd), 0) AS value_usd
  FROM keyed
 GROUP BY table_name, key
 ORDER BY table_name, tonnes DESC, key;
