/** Starting the servers under test as child processes, locked to 127.0.0.1, and reading their CPU time. */
package io.switchboard.bench.launch;
