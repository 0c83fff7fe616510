/**
 * The {@code spark} sweep engine: a sweep's (value, seed, algorithm) cells as Apache Spark tasks, one task per cell.
 * Found by {@code handoff sweep --engine spark} through {@link java.util.ServiceLoader} (model's
 * {@link dev.handoff.sweep.SweepEngine} SPI); {@code handoff-model} and the desktop app never see Spark.
 *
 * <ul>
 *   <li>{@link dev.handoff.sweep.spark.SparkSweepEngine} — the driver: starts (or joins) a SparkContext, runs the
 *       cells the output folder does not hold yet, collects their small metric rows and assembles the result with the
 *       same {@link dev.handoff.sweep.SweepGrid} as the local engine (so the files are byte-identical).</li>
 *   <li>{@link dev.handoff.sweep.spark.CellTask} — one task: rebuilds the design from the shipped
 *       {@link dev.handoff.sweep.SweepSpec}, measures its cell, saves the cell file, returns its JSON row.</li>
 *   <li>{@link dev.handoff.sweep.spark.HadoopSweepFolder} — {@code --out} through Hadoop's FileSystem API (a local
 *       or shared path, {@code hdfs://}, {@code s3a://} where the cluster has the connector).</li>
 *   <li>{@link dev.handoff.sweep.spark.CellProgress} — cells done / total and an ETA from Spark's task events.</li>
 * </ul>
 */
package dev.handoff.sweep.spark;
