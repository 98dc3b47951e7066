/** borderwatch reports. */
package org.borderwatch.report;
