package org.eventvfs.storage.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.List;

/** One statement of an append's transaction with its arguments. */
record SqlStep(Statement statement, Tuple arguments) {

    /**
     * A statement of an append. With {@code columns}, its parameters are one array per column and
     * each step gives one row: a run of steps goes as one statement (an {@code INSERT … SELECT … FROM
     * unnest($1, $2, …)}), which the server plans and executes once, not once per row. Without, a run
     * goes as one batch, a bind and execute per step.
     */
    record Statement(String sql, Class<?>... columns) {

        /** The executions that run {@code steps}, each a step of this statement, in order. */
        Run run(List<Tuple> steps) {
            return new Run(sql, columns.length > 0 ? List.of(transposed(steps)) : steps);
        }

        /** One array per column, of the rows' values in order. */
        private Tuple transposed(List<Tuple> rows) {
            Tuple arrays = Tuple.tuple();
            for (int column = 0; column < columns.length; column++) {
                Object values = Array.newInstance(columns[column], rows.size());
                for (int row = 0; row < rows.size(); row++) {
                    Array.set(values, row, rows.get(row).getValue(column));
                }
                arrays.addValue(values);
            }
            return arrays;
        }
    }

    /** A statement with the arguments of each of its executions, ready to send. */
    record Run(String sql, List<Tuple> executions) {
        Future<?> send(SqlConnection connection) {
            return executions.size() == 1 ? connection.preparedQuery(sql).execute(executions.getFirst())
                    : connection.preparedQuery(sql).executeBatch(executions);
        }
    }
}
