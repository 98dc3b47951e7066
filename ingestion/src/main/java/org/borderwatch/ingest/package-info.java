/** borderwatch ingestion. */
package org.borderwatch.ingest;
