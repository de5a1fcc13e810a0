/** The measurements' summaries and the markdown tables they are printed as. */
package io.switchboard.bench.report;
