import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js'
import { useEffect, useRef } from 'react'

// Only what the bar charts use, so the lazy results chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

export const COLOURS = {
  bar: '#0b7261',
  hidden: 'rgba(120, 120, 120, 0.35)',
  hiddenBorder: '#777',
}

/**
 * A chart on the returned canvas, rebuilt when `key` changes and destroyed on unmount
 * (a canvas Chart.js still holds would leak its listeners).
 */
export function useBarChart(config: () => ChartConfiguration<'bar', unknown[]>, key: string) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!canvas.current) return
    const chart = new Chart(canvas.current, config() as ChartConfiguration)
    return () => chart.destroy()
    // `config` is a new closure every render; `key` says when the data changed.
  }, [key])
  return canvas
}

/** Chart height in pixels for a horizontal bar chart: room for every label line and bar. */
export const barsHeight = (bars: number, lines: number) =>
  Math.max(90, bars * 8 + lines * 15 + 50)
