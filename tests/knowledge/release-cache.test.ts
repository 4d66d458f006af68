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
})
