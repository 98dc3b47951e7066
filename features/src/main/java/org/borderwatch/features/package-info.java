/** borderwatch features. */
package org.borderwatch.features;
