import { ConditionsParser, type Operand } from 'survey-core'

// XLSForm (XPath) expressions <-> SurveyJS expressions, for the subset in the README: ${q}, `.`,
// selected(), count-selected(), string-length(), and/or/not(), comparisons, string and number
// literals. Anything else is refused with a reason rather than guessed.

/** How a question's value is compared: one value, a list of values (select_multiple, rank), text. */
export type ValueKind = 'one' | 'many' | 'other'

export interface ExpressionScope {
  kinds: ReadonlyMap<string, ValueKind>
  /** The question whose constraint this is: `.` stands for its value. */
  self?: string
  /** In a choice_filter, `name` is the choice being filtered ({item} in SurveyJS). */
  choiceFilter?: boolean
}

export type Translation = { ok: true; text: string } | { ok: false; message: string }

type Token = { kind: 'var' | 'num' | 'str' | 'name' | 'op' | 'dot'; text: string }

const TOKEN =
  /\s*(?:\$\{([A-Za-z_][\w.-]*)\}|(\d+(?:\.\d+)?)|'([^']*)'|"([^"]*)"|([A-Za-z_][\w-]*)|(!=|<=|>=|[=<>(),])|(\.))/y

class Refused extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex
    const m = TOKEN.exec(source)
    if (!m) {
      if (source.slice(at).trim() === '') break
      throw new Refused(`"${source.slice(at).trim().slice(0, 20)}" is not supported here`)
    }
    if (m[1] !== undefined) tokens.push({ kind: 'var', text: m[1] })
    else if (m[2] !== undefined) tokens.push({ kind: 'num', text: m[2] })
    else if (m[3] !== undefined || m[4] !== undefined) {
      tokens.push({ kind: 'str', text: m[3] ?? m[4] })
    } else if (m[5] !== undefined) tokens.push({ kind: 'name', text: m[5] })
    else if (m[6] !== undefined) tokens.push({ kind: 'op', text: m[6] })
    else tokens.push({ kind: 'dot', text: '.' })
  }
  return tokens
}

/** A parsed operand: SurveyJS text, and what it is (a question's value, a literal, a truth). */
type Node =
  | { kind: 'var'; name: string; text: string }
  | { kind: 'str' | 'num' | 'item' | 'bool' | 'number'; text: string }

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>='])

const quoted = (value: string) => {
  if (value.includes("'")) {
    if (value.includes('"')) throw new Refused('a text with both kinds of quotes is not supported')
    return `"${value}"`
  }
  return `'${value}'`
}

class Parser {
  private at = 0
  constructor(
    private readonly tokens: Token[],
    private readonly scope: ExpressionScope,
  ) {}

  parse(): string {
    const node = this.or()
    if (this.at < this.tokens.length) {
      throw new Refused(`unexpected "${this.tokens[this.at].text}"`)
    }
    return node.text
  }

  private peek = () => this.tokens[this.at]
  private isOp = (text: string) => this.peek()?.kind === 'op' && this.peek().text === text
  private isWord = (text: string) => this.peek()?.kind === 'name' && this.peek().text === text

  private expect(text: string) {
    if (!this.isOp(text)) throw new Refused(`"${text}" expected`)
    this.at++
  }

  private or(): Node {
    let left = this.and()
    while (this.isWord('or')) {
      this.at++
      left = { kind: 'bool', text: `(${left.text} or ${this.and().text})` }
    }
    return left
  }

  private and(): Node {
    let left = this.comparison()
    while (this.isWord('and')) {
      this.at++
      left = { kind: 'bool', text: `(${left.text} and ${this.comparison().text})` }
    }
    return left
  }

  private comparison(): Node {
    const left = this.primary()
    const op = this.peek()
    if (op?.kind !== 'op' || !COMPARISONS.has(op.text)) return left
    this.at++
    const right = this.primary()
    // An unanswered question is '' in XLSForm; SurveyJS says so with empty/notempty.
    const emptyTest = (v: Node, other: Node) =>
      v.kind === 'var' && other.kind === 'str' && other.text === "''"
    if (
      (op.text === '=' || op.text === '!=') &&
      (emptyTest(left, right) || emptyTest(right, left))
    ) {
      const v = left.kind === 'var' ? left : right
      return { kind: 'bool', text: `(${v.text} ${op.text === '=' ? 'empty' : 'notempty'})` }
    }
    return { kind: 'bool', text: `(${left.text} ${op.text} ${right.text})` }
  }

  private variable(name: string): Node {
    if (!this.scope.kinds.has(name)) throw new Refused(`there is no question "${name}"`)
    return { kind: 'var', name, text: `{${name}}` }
  }

  private primary(): Node {
    const token = this.peek()
    if (!token) throw new Refused('the expression ends too early')
    this.at++
    if (token.kind === 'var') return this.variable(token.text)
    if (token.kind === 'num') return { kind: 'num', text: token.text }
    if (token.kind === 'str') return { kind: 'str', text: quoted(token.text) }
    if (token.kind === 'dot') {
      if (!this.scope.self) throw new Refused('"." (this question) is only for constraints')
      return this.variable(this.scope.self)
    }
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.or()
      this.expect(')')
      return inner
    }
    if (token.kind === 'name') {
      if (this.isOp('(')) return this.call(token.text)
      if (token.text === 'name' && this.scope.choiceFilter) return { kind: 'item', text: '{item}' }
    }
    throw new Refused(`"${token.text}" is not supported here`)
  }

  private args(): Node[] {
    this.expect('(')
    const args: Node[] = []
    if (!this.isOp(')')) {
      args.push(this.or())
      while (this.isOp(',')) {
        this.at++
        args.push(this.or())
      }
    }
    this.expect(')')
    return args
  }

  private call(name: string): Node {
    const args = this.args()
    const arity = (n: number) => {
      if (args.length !== n) throw new Refused(`${name}() takes ${n} argument${n > 1 ? 's' : ''}`)
    }
    const question = (node: Node) => {
      if (node.kind !== 'var') throw new Refused(`${name}() needs a question, such as \${q}`)
      return node
    }
    if (name === 'not') {
      arity(1)
      return { kind: 'bool', text: `(!${wrap(args[0].text)})` }
    }
    if (name === 'selected') {
      arity(2)
      const q = question(args[0])
      const value = args[1]
      if (value.kind !== 'str' && value.kind !== 'num' && value.kind !== 'item') {
        throw new Refused('selected() needs a choice name as its second argument')
      }
      const v = value.kind === 'num' ? quoted(value.text) : value.text
      const kind = this.scope.kinds.get(q.name)
      if (kind === 'many') return { kind: 'bool', text: `(${q.text} contains ${v})` }
      if (kind === 'one') return { kind: 'bool', text: `(${q.text} = ${v})` }
      throw new Refused(`selected() needs a select question; "${q.name}" is not one`)
    }
    if (name === 'count-selected') {
      arity(1)
      const q = question(args[0])
      if (this.scope.kinds.get(q.name) !== 'many') {
        throw new Refused(
          `count-selected() needs a select_multiple question; "${q.name}" is not one`,
        )
      }
      return { kind: 'number', text: `count(${q.text})` }
    }
    if (name === 'string-length') {
      arity(1)
      const q = question(args[0])
      return { kind: 'number', text: `{${q.name}.length}` }
    }
    throw new Refused(`the function ${name}() is not supported`)
  }
}

const wrap = (text: string) => (text.startsWith('(') ? text : `(${text})`)

/** An XLSForm expression as a SurveyJS one, or why it cannot be. */
export function xpathToSurveyJs(source: string, scope: ExpressionScope): Translation {
  try {
    const tokens = tokenize(source)
    if (tokens.length === 0) return { ok: false, message: 'the expression is empty' }
    const text = new Parser(tokens, scope).parse()
    // What survey-core cannot parse would be ignored in the browser: refuse it here instead.
    if (!new ConditionsParser().parseExpression(text)) {
      return { ok: false, message: 'the expression cannot be read' }
    }
    return { ok: true, text: stripOuter(text) }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message }
    throw error
  }
}

/** Drops one pair of parentheses around the whole expression. */
function stripOuter(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text
  let depth = 0
  let quote = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === "'" || ch === '"') quote = ch
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0 && i < text.length - 1) return text
  }
  return text.slice(1, -1)
}

// SurveyJS -> XLSForm, from survey-core's own parse tree.

const XPATH_COMPARISON: Record<string, string> = {
  equal: '=',
  notequal: '!=',
  less: '<',
  lessorequal: '<=',
  greater: '>',
  greaterorequal: '>=',
}

interface AnyOperand {
  getType(): string
  operatorName?: string
  left?: AnyOperand
  right?: AnyOperand
  expression?: AnyOperand
  variable?: string
  correctValue?: unknown
  values?: AnyOperand[]
  originalValue?: string
  parameters?: { values: AnyOperand[] }
}

class Unsupported extends Error {}

function xpathLiteral(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string') {
    if (!value.includes("'")) return `'${value}'`
    if (!value.includes('"')) return `"${value}"`
  }
  throw new Unsupported(`the value ${JSON.stringify(value)} has no XLSForm spelling`)
}

class Writer {
  constructor(private readonly scope: ExpressionScope) {}

  question(op: AnyOperand | undefined): { name: string; path?: string } {
    if (op?.getType() !== 'variable') throw new Unsupported('only questions can be compared')
    const [name, ...rest] = String(op.variable).split('.')
    if (!this.scope.kinds.has(name)) throw new Unsupported(`"${name}" is not a question`)
    return { name, path: rest.length > 0 ? rest.join('.') : undefined }
  }

  ref(name: string) {
    return name === this.scope.self ? '.' : `\${${name}}`
  }

  value(op: AnyOperand | undefined): string {
    if (!op) throw new Unsupported('incomplete expression')
    const type = op.getType()
    if (type === 'const') return xpathLiteral(op.correctValue)
    if (this.isItem(op)) return 'name'
    if (type === 'variable') {
      const { name, path } = this.question(op)
      if (path === undefined) return this.ref(name)
      if (path !== 'length') throw new Unsupported(`{${op.variable}} has no XLSForm spelling`)
      const many = this.scope.kinds.get(name) === 'many'
      return many ? `count-selected(${this.ref(name)})` : `string-length(${this.ref(name)})`
    }
    if (type === 'function' && op.originalValue === 'count') {
      const args = op.parameters?.values ?? []
      if (args.length === 1) {
        const { name, path } = this.question(args[0])
        if (path === undefined && this.scope.kinds.get(name) === 'many') {
          return `count-selected(${this.ref(name)})`
        }
      }
    }
    return this.condition(op)
  }

  isItem(op: AnyOperand | undefined) {
    return (
      this.scope.choiceFilter === true && op?.getType() === 'variable' && op.variable === 'item'
    )
  }

  selected(name: string, value: AnyOperand): string {
    if (this.isItem(value)) return `selected(${this.ref(name)}, name)`
    if (value.getType() !== 'const') throw new Unsupported('a choice must be a literal value')
    return `selected(${this.ref(name)}, ${xpathLiteral(String(value.correctValue))})`
  }

  condition(op: AnyOperand): string {
    const type = op.getType()
    const name = op.operatorName ?? ''
    if (type === 'unary') {
      if (name === 'negate') return `not(${this.condition(op.expression!)})`
      const q = this.value(op.expression)
      if (name === 'empty') return `${q} = ''`
      if (name === 'notempty') return `${q} != ''`
    }
    if (type === 'binary') {
      if (name === 'and' || name === 'or') {
        return `(${this.condition(op.left!)} ${name} ${this.condition(op.right!)})`
      }
      if (XPATH_COMPARISON[name]) {
        return `${this.value(op.left)} ${XPATH_COMPARISON[name]} ${this.value(op.right)}`
      }
      if (name === 'contains' || name === 'notcontains') {
        const { name: q, path } = this.question(op.left)
        // On a single value SurveyJS's contains is a substring test, which XLSForm cannot say.
        if (path !== undefined || this.scope.kinds.get(q) !== 'many') {
          throw new Unsupported(`"contains" on "${q}" is a text search`)
        }
        const test = this.selected(q, op.right!)
        return name === 'contains' ? test : `not(${test})`
      }
      if (name === 'anyof' || name === 'allof' || name === 'noneof') {
        const { name: q, path } = this.question(op.left)
        const kind = this.scope.kinds.get(q)
        if (path !== undefined || (kind !== 'many' && kind !== 'one')) {
          throw new Unsupported(`"${name}" needs a select question`)
        }
        if (name === 'allof' && kind !== 'many') throw new Unsupported('"allof" on a single choice')
        const values = op.right?.getType() === 'array' ? op.right.values! : [op.right!]
        if (values.length === 0) throw new Unsupported(`"${name}" with no values`)
        const tests = values.map((v) => this.selected(q, v))
        const joined =
          tests.length === 1 ? tests[0] : `(${tests.join(name === 'allof' ? ' and ' : ' or ')})`
        return name === 'noneof' ? `not(${joined})` : joined
      }
    }
    throw new Unsupported(`"${name || type}" is not in the XLSForm subset`)
  }
}

/** A SurveyJS expression as an XLSForm one, or why it cannot be. */
export function surveyJsToXpath(expression: string, scope: ExpressionScope): Translation {
  const parsed = new ConditionsParser().parseExpression(expression) as Operand | null
  if (!parsed) return { ok: false, message: 'survey-core cannot read this expression' }
  try {
    const text = new Writer(scope).condition(parsed as unknown as AnyOperand)
    return {
      ok: true,
      text: text.startsWith('(') && stripOuter(text) !== text ? stripOuter(text) : text,
    }
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, message: error.message }
    throw error
  }
}
