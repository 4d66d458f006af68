import { describe, expect, it } from 'vitest'
import { createLru } from '../../server/knowledge/release-cache.js'

describe('createLru', () => {
  const counted = () => {
    const built: string[] = []
    const build = (key: string) => () => (built.push(key), Promise.resolve(key.toUpperCase()))
    return { built, build }
  }

  it('builds a key once, keeps at most maxEntries, the least recently used out first', async () => {
    const lru = createLru<string>(2)
    const { built, build } = counted()
    expect(await lru.get('a', build('a'))).toBe('A')
    await lru.get('b', build('b'))
    await lru.get('a', build('a')) // a is now the most recent
    await lru.get('c', build('c')) // b goes
    await lru.get('a', build('a'))
    await lru.get('b', build('b'))
    expect(built).toEqual(['a', 'b', 'c', 'b'])
  })

  it('shares one build between concurrent asks, and drops a failed one', async () => {
    const lru = createLru<string>(4)
    const { built, build } = counted()
    await Promise.all([lru.get('a', build('a')), lru.get('a', build('a'))])
    expect(built).toEqual(['a'])
    await expect(lru.get('x', () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await lru.get('x', build('x'))).toBe('X')
  })

  it('keeps values together under a weight bound, always the newest, oldest out first', async () => {
    const lru = createLru<string>(10, { weigh: (value) => value.length, maxWeight: 5 })
    const built: string[] = []
    const build = (value: string) => () => (built.push(value), Promise.resolve(value))
    await lru.get('a', build('aa'))
    await lru.get('b', build('bbb'))
    await lru.get('a', build('aa')) // 5 together: both kept
    expect(built).toEqual(['aa', 'bbb'])
    await lru.get('c', build('cc')) // 7: b, the least recently used, goes
    await lru.get('a', build('aa'))
    await lru.get('b', build('bbb'))
    expect(built).toEqual(['aa', 'bbb', 'cc', 'bbb'])
    await lru.get('h', build('hhhhhhh')) // heavier than the bound alone: kept, the rest go
    await lru.get('h', build('hhhhhhh'))
    await lru.get('c', build('cc'))
    expect(built).toEqual(['aa', 'bbb', 'cc', 'bbb', 'hhhhhhh', 'cc'])
  })
})
