/** borderwatch models. */
package org.borderwatch.models;
