import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles.css'
import { slugFromPath } from './api'
import { App } from './App'
import { initialLocale } from './i18n'
import { codeFromFragment, forgetFragment } from './invitationCode'

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')

const invitationCode = codeFromFragment(location.hash)
forgetFragment()

createRoot(root).render(
  <StrictMode>
    <App
      slug={slugFromPath(location.pathname)}
      initialLocale={initialLocale(location.search, navigator.languages ?? [navigator.language])}
      invitationCode={invitationCode}
    />
  </StrictMode>,
)
