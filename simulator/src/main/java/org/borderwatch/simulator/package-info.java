/** borderwatch simulator. */
package org.borderwatch.simulator;
