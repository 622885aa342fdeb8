/**
 * The Java sweep API: {@link mcsweep.executors.sweep.Sweep} builds a sweep in code (kernel, value lists taken
 * as a product or zipped, replicas, seed, output folder or none, format, executor by name, workers), runs it
 * and returns one {@link mcsweep.executors.sweep.TaskSummary} per task in a
 * {@link mcsweep.executors.sweep.SweepResult}. {@link mcsweep.executors.sweep.SweepPlan} is the one place
 * where tasks are planned, for this API and for the command line alike; bad input is an
 * {@link mcsweep.executors.sweep.InvalidSweepException}.
 */
package mcsweep.executors.sweep;
